// Kept equal to package.json's version by a unit test; WXT puts package.json's version in the manifest.
export const VERSION = '0.1.0';

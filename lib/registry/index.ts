// The dataportal registry layer: the only network code in Insyn (DESIGN, Data flow).
export * from './errors';
export * from './transport';
export * from './solr';
export * from './client';

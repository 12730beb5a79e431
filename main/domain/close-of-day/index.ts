export * from './age-bands';
export * from './canonical-json';
export * from './manifest';
export * from './stock-balance';
export * from './work-list';
export * from './site-hour';
export * from './reason-text';

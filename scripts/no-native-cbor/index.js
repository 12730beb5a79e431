// cbor-x checks `if (extractor)` before using the native string extractor; null keeps its pure-JS path.
module.exports = null;

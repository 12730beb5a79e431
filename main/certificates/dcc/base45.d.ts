// The base45 package ships no types; these are the two functions it exports.
declare module 'base45' {
  export function encode(data: Uint8Array | string): string;
  export function decode(text: string): Buffer;
}

// wawoff2 ships no types. Only its decoder is used: importing the package's
// index would also load the encoder's ~1 MB WebAssembly.
declare module 'wawoff2/decompress.js' {
  /**
   * Google's woff2 decoder: WOFF2 in, TrueType out. Rejects when the input is
   * not a WOFF2 font. The result is a view into the decoder's memory, which the
   * next call overwrites: copy it before decoding again.
   */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}

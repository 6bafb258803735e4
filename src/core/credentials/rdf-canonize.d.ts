/** The part of rdf-canonize 5 (RDFC-1.0, browser and Node) that Insigne uses; the package ships no types. */
declare module 'rdf-canonize' {
  export function canonize(
    dataset: object,
    options: { algorithm: 'RDFC-1.0'; format: 'application/n-quads' },
  ): Promise<string>;
}

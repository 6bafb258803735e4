/**
 * The parts of the oracle libraries these tests call. The packages ship JavaScript without types; these
 * declarations type only what the oracles use, loosely, since the tests read their results as data.
 */
declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: the library passes its own options object through.
    checkStatus?: (options: any) => Promise<unknown>;
    now?: Date | string;
  }): Promise<{
    verified: boolean;
    error?: { message?: string; errors?: { message?: string }[] };
    statusResult?: { verified: boolean; results?: { status: boolean }[]; error?: { message?: string } };
  }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: {
    credential: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; results?: { status: boolean }[]; error?: { message?: string } }>;
}

declare module '@digitalbazaar/did-method-key' {
  export function driver(): {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (options: unknown) => unknown }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export function from(options: unknown): unknown;
}

// Type declarations of custnorm/worker (worker.mjs): custnorm in a module
// Web Worker, behind promises.
import type {
  CanonicalCustomer, ConvertResult, CountryResult, Doc, Format, LangOption, Options, PhoneResult, Source,
  ValidateResult, Version,
} from './custnorm.js';

export type * from './custnorm.js';

/**
 * custnorm's API in a Web Worker: the same operations with the same
 * arguments and results as {@link Custnorm}, each returning a promise. The
 * arguments are checked and objects turned into JSON text on the calling
 * thread (cheap next to the validation), then copied to the worker.
 * Promises reject only when the worker is gone (it failed, or dispose()
 * was called).
 */
export interface CustnormWorker {
  /** The build's versions (the same as package.json's version). */
  readonly version: Version;
  formats(): Promise<Format[]>;
  validate(format: Format, doc: Doc, options?: Options): Promise<ValidateResult>;
  convert(from: Format, to: 'canonical', doc: Doc, options?: Options): Promise<ConvertResult<CanonicalCustomer>>;
  convert<Out = Record<string, unknown>>(from: Format, to: Format, doc: Doc, options?: Options): Promise<ConvertResult<Out>>;
  normalizePhone(text: string, region?: string | null, options?: LangOption): Promise<PhoneResult>;
  normalizeCountry(text: string, options?: LangOption): Promise<CountryResult>;
  normalizeNationality(text: string, options?: LangOption): Promise<CountryResult>;
  /**
   * Terminates the worker: its instance and memory go with it. Pending and
   * later calls reject with an Error ("this worker was disposed").
   */
  dispose(): void;
}

export interface WorkerOptions {
  /**
   * A module Worker already started from custnorm's worker-thread.mjs, for
   * bundlers that do not bundle `new Worker(new URL(…, import.meta.url))`
   * themselves (esbuild: make worker-thread.mjs an entry point). By default
   * initWorker starts one itself.
   */
  worker?: Worker;
  /** The caller's messages, as for init (see InitOptions). */
  messages?: import('./custnorm.js').Messages | string;
}

/**
 * Starts a module Web Worker and loads custnorm there (browsers). source is
 * as for init: by default the custnorm.wasm next to worker.mjs; a URL is
 * passed to the worker as an absolute URL, a Response as its bytes, bytes
 * and a compiled WebAssembly.Module as they are. Rejects when the worker or
 * the module cannot be loaded.
 */
export function initWorker(source?: Source, options?: WorkerOptions): Promise<CustnormWorker>;

/**
 * A trained network as a JSON file, and back: its architecture (hidden widths,
 * activation and its parameters, input features, output layer), every weight, each hidden
 * layer's learned activation parameters (PReLU's α), and the settings it was trained with.
 * Weights are float32 written with the fewest digits that read back to the same float32,
 * so a loaded network computes exactly what the saved one did, bit for bit.
 *
 * @module
 */
import {
  checkNetwork,
  createNetwork,
  denseSizes,
  hiddenActivationOf,
  type Network,
  OUTPUT_KINDS,
  type OutputKind,
  packedWeights,
  paramOffset,
} from "./network.ts";
import { INITIALIZERS } from "./initializers.ts";
import type { FeatureName } from "./features.ts";
import { checkFigureName, figuresDir, writeAtomic } from "../figures/saving.ts";
import {
  argument,
  checkArrayLike,
  checkFloat32,
  checkInteger,
  checkObject,
  checkOptions,
  checkString,
  option,
} from "../guards.ts";

/** The `format` field of a network file. */
export const NETWORK_FORMAT = "activations-network";

/** The `version` of the network files this library writes and reads. */
export const NETWORK_FORMAT_VERSION = 1;

/** Largest network file {@linkcode loadNetwork} reads: 512 MB (a network at `MAX_PARAMETERS` takes about 200 MB). */
export const MAX_NETWORK_FILE_BYTES = 512 * 1024 * 1024;

/** A network as its JSON file holds it ({@linkcode networkToJson}). */
export interface NetworkFile {
  /** Always {@linkcode NETWORK_FORMAT}. */
  readonly format: string;
  /** Always {@linkcode NETWORK_FORMAT_VERSION}. */
  readonly version: number;
  /** What `createNetwork(spec, options)` needs to rebuild it. */
  readonly network: {
    readonly hidden: readonly number[];
    readonly activation: string;
    readonly params: Readonly<Record<string, number>>;
    readonly features?: readonly FeatureName[];
    readonly inputs: number;
    readonly output: OutputKind;
    readonly outputs: number;
    readonly init: string;
    readonly seed: number;
  };
  /** Each dense layer's weights, input side first (`kernel[i * units + j]`). */
  readonly layers: readonly {
    readonly inputs: number;
    readonly units: number;
    readonly kernel: readonly number[];
    readonly bias: readonly number[];
  }[];
  /** Each hidden layer's activation parameters, learned ones included. */
  readonly activationParams: readonly Readonly<Record<string, number>>[];
  /** The settings it was trained with (anything JSON can hold), or `null`. */
  readonly settings: unknown;
}

/**
 * A network as a JSON-ready object ({@linkcode NetworkFile}).
 *
 * @param network A live network.
 * @param settings The settings it was trained with, saved beside it (default `null`).
 * @returns The object; `JSON.stringify` it, or use {@linkcode saveNetwork}.
 * @throws {TypeError} If `network` is not a network.
 * @throws {Error} If the network has been disposed.
 *
 * @example
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { networkToJson } from "./network_export.ts";
 * const net = createNetwork({ hidden: [3], activation: "tanh" }, { seed: 1 });
 * const file = networkToJson(net, { epochs: 10 });
 * console.assert(file.layers[0].kernel.length === 6 && file.network.activation === "tanh");
 * net.dispose();
 * ```
 */
export function networkToJson(network: Network, settings: unknown = null): NetworkFile {
  checkNetwork(network, argument("networkToJson", "network"));
  const { spec } = network;
  return {
    format: NETWORK_FORMAT,
    version: NETWORK_FORMAT_VERSION,
    network: {
      hidden: [...spec.hidden],
      activation: spec.activation,
      params: { ...spec.params },
      ...(spec.features ? { features: [...spec.features] } : {}),
      inputs: network.sizes[0],
      output: network.output,
      outputs: network.sizes.at(-1)!,
      init: network.init,
      seed: network.seed,
    },
    layers: network.weights().map((w) => ({
      inputs: w.inputs,
      units: w.units,
      kernel: Array.from(w.kernel),
      bias: Array.from(w.bias),
    })),
    activationParams: network.activationParams(),
    settings,
  };
}

/** Options of {@linkcode saveNetwork}. */
export interface SaveNetworkOptions {
  /** Target folder (default the figures folder, `figuresDir()`); created if missing. */
  readonly dir?: string;
  /** The settings it was trained with, saved beside the weights. */
  readonly settings?: unknown;
}

/**
 * Saves a network as `<name>.json` beside the figures (the figures folder, as `save()`
 * uses), atomically: the file appears complete or not at all.
 *
 * @param network A live network.
 * @param name File name without extension (checked as figure names are).
 * @param options `dir` and `settings` ({@linkcode SaveNetworkOptions}).
 * @returns The path written.
 * @throws {TypeError} If `network` is not a network, the name is not a valid file name,
 *   or `dir` is not a non-empty string.
 * @throws {Error} If the network has been disposed or the folder cannot be written.
 *
 * @example Save, load, and get the same predictions
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { loadNetwork, saveNetwork } from "./network_export.ts";
 * import { predict } from "./predict.ts";
 * const dir = Deno.makeTempDirSync();
 * const net = createNetwork({ hidden: [4], activation: "gelu" }, { seed: 2 });
 * const path = saveNetwork(net, "GELU network", { dir, settings: { seed: 2 } });
 * const loaded = loadNetwork(path);
 * console.assert(predict(loaded.network, [1, 2])[0] === predict(net, [1, 2])[0]);
 * [net, loaded.network].forEach((n) => n.dispose());
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveNetwork(
  network: Network,
  name: string,
  options?: SaveNetworkOptions,
): string {
  checkNetwork(network, argument("saveNetwork", "network"));
  checkFigureName(name, ".json");
  const { dir = figuresDir(), settings = null } = checkOptions(
    options,
    argument("saveNetwork", "options"),
  );
  checkString(dir, option("dir"));
  return writeAtomic(dir, `${name}.json`, formatJson(networkToJson(network, settings)));
}

/** What {@linkcode loadNetwork} and {@linkcode networkFromJson} return. */
export interface LoadedNetwork {
  /** The rebuilt network, with the saved weights; dispose it when done. */
  readonly network: Network;
  /** The settings saved with it (`null` if none). */
  readonly settings: unknown;
}

/**
 * Reads a network file written by {@linkcode saveNetwork} and rebuilds the network: it
 * computes exactly what the saved network did.
 *
 * @param path The `.json` file.
 * @returns The network and its settings ({@linkcode LoadedNetwork}).
 * @throws {TypeError} If `path` is not a string, the file is not JSON, or a field is
 *   missing or of the wrong type (the message names it).
 * @throws {RangeError} If the file is larger than {@linkcode MAX_NETWORK_FILE_BYTES}, is
 *   of another format or version, or a size or weight is out of range.
 * @throws {Error} If the file cannot be read (the message names it).
 *
 * @example
 * ```ts
 * import { loadNetwork } from "./network_export.ts";
 * try {
 *   loadNetwork("no such file.json");
 * } catch (e) {
 *   console.assert((e as Error).message.includes("no such file.json"));
 * }
 * ```
 */
export function loadNetwork(path: string): LoadedNetwork {
  checkString(path, argument("loadNetwork", "path"));
  let text: string;
  try {
    const size = Deno.statSync(path).size;
    if (size > MAX_NETWORK_FILE_BYTES) {
      throw new RangeError(
        `Network file "${path}" is ${size} bytes, above the maximum ${MAX_NETWORK_FILE_BYTES}`,
      );
    }
    text = Deno.readTextFileSync(path);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new Error(`Cannot read the network file "${path}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`Network file "${path}" is not JSON: ${(error as Error).message}`);
  }
  return networkFromJson(json as NetworkFile);
}

/**
 * Rebuilds a network from the object {@linkcode networkToJson} made (or a parsed network
 * file). Everything is checked before the network is built.
 *
 * @param file The object.
 * @returns The network and its settings ({@linkcode LoadedNetwork}).
 * @throws {TypeError} If a field is missing or of the wrong type (the message names it),
 *   or the layers do not match the architecture.
 * @throws {RangeError} If the format or version is not this library's, or a size or
 *   weight is out of range (a weight must be finite in float32).
 *
 * @example
 * ```ts
 * import { createNetwork } from "./network.ts";
 * import { networkFromJson, networkToJson } from "./network_export.ts";
 * const net = createNetwork({ hidden: [2], activation: "relu" }, { seed: 3 });
 * const copy = networkFromJson(JSON.parse(JSON.stringify(networkToJson(net)))).network;
 * console.assert(copy.weights()[0].kernel[1] === net.weights()[0].kernel[1]);
 * [net, copy].forEach((n) => n.dispose());
 * ```
 */
export function networkFromJson(file: NetworkFile): LoadedNetwork {
  const field = (name: string) => `Invalid network file: ${name}`;
  checkObject(file, argument("networkFromJson", "file"), "a network file object");
  if (file.format !== NETWORK_FORMAT) {
    throw new RangeError(
      `${field("format")}: expected "${NETWORK_FORMAT}", got ${JSON.stringify(file.format)}`,
    );
  }
  if (file.version !== NETWORK_FORMAT_VERSION) {
    throw new RangeError(
      `${field("version")}: this library reads version ${NETWORK_FORMAT_VERSION}, got ${
        JSON.stringify(file.version)
      }`,
    );
  }
  const spec = checkObject(file.network, field("network"));
  checkString(spec.output, field("network.output"));
  if (!(OUTPUT_KINDS as readonly string[]).includes(spec.output)) {
    throw new RangeError(`${field("network.output")}: unknown output layer "${spec.output}"`);
  }
  checkString(spec.init, field("network.init"));
  if (!(INITIALIZERS as readonly string[]).includes(spec.init)) {
    throw new RangeError(`${field("network.init")}: unknown initialisation "${spec.init}"`);
  }
  checkObject(spec.params, field("network.params"));
  // createNetwork checks widths, sizes, activation, parameters, features (before allocating)
  const network = createNetwork(
    {
      hidden: spec.hidden,
      activation: spec.activation,
      params: spec.params,
      ...(spec.features === undefined ? {} : { features: spec.features }),
    },
    {
      inputs: spec.inputs,
      output: spec.output,
      outputs: spec.outputs,
      init: spec.init as typeof INITIALIZERS[number],
      seed: spec.seed,
    },
  );
  try {
    const packed = packedWeights(network), sizes = denseSizes(network);
    checkArrayLike(file.layers, field("layers"), "an array of layers");
    if (file.layers.length !== sizes.length - 1) {
      throw new TypeError(
        `${field("layers")}: ${file.layers.length} layers for layer widths ${sizes.join("-")}`,
      );
    }
    let o = 0;
    file.layers.forEach((layer, k) => {
      const name = `layers[${k}]`;
      checkObject(layer, field(name));
      const n = sizes[k], m = sizes[k + 1];
      checkInteger(layer.inputs, field(`${name}.inputs`), n, n);
      checkInteger(layer.units, field(`${name}.units`), m, m);
      for (const [part, length] of [["kernel", n * m], ["bias", m]] as const) {
        const values = layer[part];
        checkArrayLike(values, field(`${name}.${part}`));
        if (values.length !== length) {
          throw new TypeError(
            `${field(`${name}.${part}`)}: expected ${length} weights, got ${values.length}`,
          );
        }
        for (let i = 0; i < length; i++) {
          packed[o++] = checkFloat32(values[i], field(`${name}.${part}[${i}]`));
        }
      }
    });
    const learnable = hiddenActivationOf(network).learnable;
    if (learnable.length > 0) {
      checkArrayLike(file.activationParams, field("activationParams"), "an array per hidden layer");
      if (file.activationParams.length !== sizes.length - 2) {
        throw new TypeError(
          `${field("activationParams")}: expected ${
            sizes.length - 2
          } hidden layers, got ${file.activationParams.length}`,
        );
      }
      file.activationParams.forEach((params, k) => {
        checkObject(params, field(`activationParams[${k}]`));
        learnable.forEach((q, j) => {
          packed[paramOffset(sizes, learnable.length, k) + j] = checkFloat32(
            params[q],
            field(`activationParams[${k}].${q}`),
          );
        });
      });
    }
    return { network, settings: file.settings ?? null };
  } catch (error) {
    network.dispose();
    throw error;
  }
}

// JSON with two-space indentation, each array of numbers on one line, the weights in the
// shortest form that reads back as the same float32.
function formatJson(file: NetworkFile): string {
  const compact: NetworkFile = {
    ...file,
    layers: file.layers.map((l) => ({
      ...l,
      kernel: l.kernel.map(shortFloat32),
      bias: l.bias.map(shortFloat32),
    })),
    activationParams: file.activationParams.map((p) =>
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, shortFloat32(v)]))
    ),
  };
  return JSON.stringify(compact, null, 2).replace(
    /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
    (_, inner: string) => `[${inner.replace(/\s+/g, "")}]`,
  ) + "\n";
}

// The shortest decimal that reads back as the same float32 (integers and other numbers as
// they are).
function shortFloat32(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v) || Math.fround(v) !== v) return v;
  for (let digits = 1; digits < 10; digits++) {
    const short = Number(v.toPrecision(digits));
    if (Math.fround(short) === v) return short;
  }
  return v;
}

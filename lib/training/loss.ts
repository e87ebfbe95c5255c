/**
 * The loss of each output layer and its gradient: binary cross-entropy for a sigmoid,
 * categorical cross-entropy for softmax classes, the mean squared error for regression;
 * backpropagation through the dense layers and each hidden activation's f' (from the
 * registry by autodiff).
 *
 * @module
 */
import {
  denseSizes,
  forwardOutputs,
  forwardPass,
  type Network,
  type OutputKind,
  packedWeights,
  paramOffset,
  sigmoid,
  softmaxRow,
} from "./network.ts";

/**
 * Internal (exported for tests): the gradient of the batch's mean loss with respect to
 * every weight, by backpropagation: output delta (sigmoid(z) - y) / m for binary
 * cross-entropy, (softmax(z) - onehot(y)) / m for categorical cross-entropy, 2 (z - y) /
 * (m x outputs) for the mean squared error, then back through each dense layer and each
 * hidden activation's f' (from the registry by autodiff).
 *
 * @param network A live network.
 * @param x Row-major features of the batch (not checked).
 * @param y Labels (class numbers, or row-major targets) of the batch.
 * @param uniform U[0, 1) samples for randomized activations (RReLU's training slopes).
 * @returns The gradient in the packed layout of the weights (kernel then bias per layer,
 *   then the hidden layers' learnable activation parameters).
 */
export function lossGradient(
  network: Network,
  x: Float32Array,
  y: Float32Array,
  uniform?: () => number,
): Float64Array {
  const sizes = denseSizes(network), m = x.length / network.sizes[0];
  const weights = packedWeights(network);
  const gradient = new Float64Array(weights.length);
  const { inputs, slopes, paramSlopes, output } = forwardPass(network, x, {
    slopes: true,
    uniform,
  });
  const learnable = Object.keys(paramSlopes[0] ?? {});
  let delta = outputDelta(network.output, output, y, m, sizes.at(-1)!);
  let o = paramOffset(sizes, learnable.length, 0);
  for (let k = sizes.length - 2; k >= 0; k--) {
    const nIn = sizes[k], nOut = sizes[k + 1], a = inputs[k];
    o -= nIn * nOut + nOut;
    for (let j = 0; j < nOut; j++) {
      let gb = 0;
      for (let i = 0; i < m; i++) gb += delta[i * nOut + j];
      gradient[o + nIn * nOut + j] = gb;
    }
    for (let d = 0; d < nIn; d++) {
      for (let j = 0; j < nOut; j++) {
        let g = 0;
        for (let i = 0; i < m; i++) g += a[i * nIn + d] * delta[i * nOut + j];
        gradient[o + d * nOut + j] = g;
      }
    }
    if (k === 0) break;
    const slope = slopes[k - 1], previous = new Float64Array(m * nIn);
    const dp = learnable.map((q) => paramSlopes[k - 1][q]), gp = learnable.map(() => 0);
    for (let i = 0; i < m; i++) {
      for (let d = 0; d < nIn; d++) {
        let s = 0;
        for (let j = 0; j < nOut; j++) s += delta[i * nOut + j] * weights[o + d * nOut + j];
        previous[i * nIn + d] = s * slope[i * nIn + d];
        for (let q = 0; q < dp.length; q++) gp[q] += s * dp[q][i * nIn + d];
      }
    }
    gp.forEach((g, q) => (gradient[paramOffset(sizes, learnable.length, k - 1) + q] = g));
    delta = previous;
  }
  return gradient;
}

// dLoss/dz at the output layer's pre-activations, for the mean loss over m points.
function outputDelta(
  kind: OutputKind,
  z: Float32Array,
  y: Float32Array,
  m: number,
  units: number,
): Float64Array {
  const delta = new Float64Array(m * units);
  if (kind === "sigmoid") {
    for (let i = 0; i < m; i++) delta[i] = (sigmoid(z[i]) - y[i]) / m;
  } else if (kind === "linear") {
    for (let k = 0; k < m * units; k++) delta[k] = (2 * (z[k] - y[k])) / (m * units);
  } else {
    const p = new Float64Array(units);
    for (let i = 0; i < m; i++) {
      softmaxRow(z, i * units, units, p);
      for (let j = 0; j < units; j++) {
        delta[i * units + j] = (p[j] - (j === y[i] ? 1 : 0)) / m;
      }
    }
  }
  return delta;
}

/**
 * Internal: the mean loss and the accuracy over all points. Sigmoid: binary cross-entropy
 * (softplus(z) - y z, stable for any z), correct when the float32 probability is > 0.5
 * for label 1, as predict() reports it. Softmax: categorical cross-entropy (logsumexp(z)
 * - z_y), correct when the label's logit is the first largest. Linear: the mean squared
 * error (accuracy NaN).
 *
 * @param network A live network.
 * @param x Row-major features (not checked).
 * @param y Labels, class numbers or targets.
 * @returns `{ loss, accuracy }`.
 */
export function evaluateLoss(
  network: Network,
  x: Float32Array,
  y: Float32Array,
): { loss: number; accuracy: number } {
  const z = forwardOutputs(network, x);
  const kind = network.output, units = network.sizes.at(-1)!;
  let loss = 0, correct = 0;
  if (kind === "sigmoid") {
    for (let i = 0; i < y.length; i++) {
      loss += Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i]))) - y[i] * z[i];
      if ((Math.fround(sigmoid(z[i])) > 0.5 ? 1 : 0) === y[i]) correct++;
    }
    return { loss: loss / y.length, accuracy: correct / y.length };
  }
  if (kind === "linear") {
    for (let k = 0; k < y.length; k++) loss += (z[k] - y[k]) ** 2;
    return { loss: loss / y.length, accuracy: NaN };
  }
  const n = y.length;
  for (let i = 0; i < n; i++) {
    let max = -Infinity, best = 0;
    for (let j = 0; j < units; j++) {
      if (z[i * units + j] > max) [max, best] = [z[i * units + j], j];
    }
    let sum = 0;
    for (let j = 0; j < units; j++) sum += Math.exp(z[i * units + j] - max);
    loss += max + Math.log(sum) - z[i * units + y[i]];
    if (best === y[i]) correct++;
  }
  return { loss: loss / n, accuracy: correct / n };
}

/**
 * Activation functions you can see and test: every activation declared once as data,
 * values and derivatives by TensorFlow.js autodiff, Observable Plot figures, and the
 * training pipeline behind "why non-linearity matters". Everything returned to callers
 * is a plain array; tensors never leave the library.
 *
 * @module
 */
export { BACKENDS, type BackendName, backendName, useBackend } from "./tf.ts";
export {
  activationNames,
  ACTIVATIONS,
  type ActivationSpec,
  getActivation,
  type ParamSpec,
  resolveParams,
  type ViewHints,
} from "./activations.ts";
export {
  activation,
  activation2d,
  type Activation2dValues,
  type ActivationValues,
} from "./autodiff.ts";

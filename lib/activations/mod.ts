/**
 * The activation functions themselves: the registry (every activation declared once, as
 * data), their values and derivatives by TensorFlow.js autodiff (fused into one compiled
 * loop, or kernel by kernel) with second derivatives, and their properties (saturation,
 * smoothness, range, gain, a table of values, the formulas). Inputs and outputs are plain
 * arrays; tensors never leave the library.
 *
 * @example Values and derivatives of ELU
 * ```ts
 * import { activation, getActivation } from "./mod.ts";
 * const { y, dy } = activation("elu", [-1, 0, 2]);
 * console.assert(getActivation("elu").label === "ELU" && y[2] === 2 && dy[2] === 1);
 * ```
 *
 * @module
 */
export { activationNames, ACTIVATIONS, getActivation } from "./activations.ts";
export type {
  ActivationParam,
  ActivationSpec,
  ParamDomain,
  ParamSpec,
  TrainingBehaviour,
  ViewHints,
} from "./activation_spec.ts";
export { formatDomain, resolveParams } from "./resolve_params.ts";
export { Activation, resolveActivation } from "./resolve_activation.ts";
export {
  activation,
  activation2d,
  type Activation2dValues,
  activationInto,
  activationProgram,
  type ActivationValues,
  secondDerivative,
  type SecondDerivativeValues,
} from "./autodiff.ts";
export { tfjsActivation, tfjsActivation2d, tfjsSecondDerivative } from "./tfjs_autodiff.ts";
export { type Saturation, saturation, type SaturationOptions } from "./saturation.ts";
export {
  type ActivationProperties,
  activationProperties,
  gain,
  propertiesTable,
} from "./properties.ts";
export { type ActivationRow, activationRows, formulaTable } from "./activation_table.ts";
export { checkGrid, type Grid, linspace, type Mesh, meshgrid } from "../grid.ts";
export { type BackendName, backendName, BACKENDS, useBackend } from "../tf.ts";
export { JUPYTER_DISPLAY } from "../notebook/display.ts";

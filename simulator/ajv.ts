import Ajv from 'ajv';

/** The one schema compiler of the simulator: every area's request schemas are compiled on it, once, at load. */
export const ajv = new Ajv({ allErrors: false, strict: true });

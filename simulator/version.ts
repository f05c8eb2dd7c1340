/** The Symphony version the simulator reports in health, info and user agent answers. */
export const SIMULATED_VERSION = '25.8.1';

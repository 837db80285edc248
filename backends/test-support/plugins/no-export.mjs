// A plugin that exports no backend.
export const notABackend = 42;

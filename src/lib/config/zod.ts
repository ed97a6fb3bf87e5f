import { z } from 'zod';

// zod compiles object parsers with `new Function` and probes for it when the first object schema
// is built. The site's Content-Security-Policy forbids eval (the probe would be reported as a
// violation on every page), and the configuration is parsed once: the interpreted parser will do.
// Imported by every module that builds a schema, so the setting precedes the first one.
z.config({ jitless: true });

export { z };

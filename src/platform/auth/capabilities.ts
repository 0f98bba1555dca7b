import Type, { type Static, type TBoolean, type TObject } from 'typebox';
import type { Actor } from './actor.ts';

/**
 * What a caller may do in general, as the console needs to know it (which menu entries and buttons to
 * show). Each module answers for its own capabilities from its own policy; the platform only gathers
 * them, so it never has to know a module. Record-level rights (this agency, this case) travel with the
 * record instead.
 */
export type CapabilitySchema = TObject<Record<string, TBoolean>>;

export interface CapabilityProvider<S extends CapabilitySchema = CapabilitySchema> {
  /** Every capability the provider answers for, with its Chinese description (OpenAPI, contract check). */
  schema: S;
  of(actor: Actor): Static<S>;
}

export function capabilityProvider<S extends CapabilitySchema>(
  schema: S,
  of: (actor: Actor) => Static<S>,
): CapabilityProvider<S> {
  return { schema, of };
}

/** One provider answering for all of them. Two modules naming the same capability is a wiring error. */
export function mergeCapabilities(providers: readonly CapabilityProvider[]): CapabilityProvider {
  const properties: Record<string, TBoolean> = {};
  for (const p of providers) {
    for (const [name, schema] of Object.entries(p.schema.properties)) {
      if (name in properties) throw new Error(`capability "${name}" is declared twice`);
      properties[name] = schema;
    }
  }
  return {
    schema: Type.Object(properties),
    of: (actor) => Object.assign({}, ...providers.map((p) => p.of(actor))),
  };
}

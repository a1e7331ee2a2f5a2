import type { Problem } from '../model/errors.js';
import { type KubeObject, objectRef } from '../model/objects.js';
import type { KindDefinition, KindRegistry, ModelClass } from '../registry/kinds.js';
import { fieldNode } from './learned-fields.js';
import { metadataProblems } from './metadata.js';
import { modelProblems } from './model-validator.js';
import { compileStructuralSchema } from './structural-schema.js';

type Validator = (object: KubeObject) => Problem[];

/**
 * Validators compiled once per kind and reused for every object of it (and across the environments of one
 * process, e.g. a fleet render).
 */
const validators = new WeakMap<KindDefinition, Promise<Validator>>();

async function validatorOf(definition: KindDefinition): Promise<Validator> {
  let validator = validators.get(definition);
  if (!validator) {
    const { schema } = definition;
    validator =
      'model' in schema
        ? schema.model().then((Model: ModelClass) => {
            const learned = fieldNode();
            return (object: KubeObject) => modelProblems(Model, object, learned);
          })
        : 'load' in schema
          ? schema.load().then((loaded) => compileStructuralSchema(loaded) as Validator)
          : Promise.resolve(compileStructuralSchema(schema.openAPIV3Schema) as Validator);
    validators.set(definition, validator);
  }
  return validator;
}

/**
 * Validates one object against the schema of its registered kind, plus what schemas cannot state: the
 * object's name and labels. An object of a kind nobody registered is a problem that says how to register it.
 */
export async function validateObject(object: KubeObject, registry: KindRegistry): Promise<Problem[]> {
  const ref = objectRef(object);
  const definition = registry.get(object);
  if (!definition) {
    const versions = registry.versionsOf(object);
    const hint =
      versions.length > 0
        ? `; registered versions of ${object.kind}: ${versions.join(', ')}`
        : '; the library that renders it declares it in `kinds` (schema and scope), or the environment does';
    return [
      {
        object: ref,
        path: 'apiVersion',
        message: `no schema is registered for ${object.apiVersion} ${object.kind}${hint}`,
      },
    ];
  }
  const validator = await validatorOf(definition);
  return [...metadataProblems(object), ...validator(object)].map((problem) => ({ object: ref, ...problem }));
}

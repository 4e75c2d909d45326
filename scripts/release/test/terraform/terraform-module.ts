import { fileURLToPath } from 'node:url';
import { convertFiles } from '@cdktf/hcl2json';

/** A value of HCL converted to JSON: literals stay literals, any other expression is its `${...}` source. */
export type HclValue = string | number | boolean | null | HclValue[] | { [key: string]: HclValue };
export type HclObject = { [key: string]: HclValue };

/** A Terraform root module as parsed by the HCL2 parser, with its `locals` blocks merged into one object. */
export interface TerraformModule {
  locals: HclObject;
  variables: Record<string, HclObject>;
  resources: Record<string, Record<string, HclObject>>;
  data: Record<string, Record<string, HclObject>>;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export function asObject(value: HclValue | undefined, what: string): HclObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} is not an HCL object: ${JSON.stringify(value)}`);
  }
  return value;
}

/** The single block of a `resource`/`data`/`variable`, which the parser wraps in an array. */
function single(blocks: HclValue | undefined, what: string): HclObject {
  if (!Array.isArray(blocks) || blocks.length !== 1) throw new Error(`expected exactly one ${what}`);
  return asObject(blocks[0], what);
}

function blocksByName(
  section: HclValue | undefined,
  kind: string,
): Record<string, Record<string, HclObject>> {
  const byType: Record<string, Record<string, HclObject>> = {};
  for (const [type, named] of Object.entries(asObject(section ?? {}, kind))) {
    byType[type] = Object.fromEntries(
      Object.entries(asObject(named, `${kind} ${type}`)).map(([name, blocks]) => [
        name,
        single(blocks, `${kind} ${type}.${name}`),
      ]),
    );
  }
  return byType;
}

/** Parses every `.tf` file of `terraform/<name>` with the HCL2 parser. */
export async function readTerraformModule(name: string): Promise<TerraformModule> {
  const json = (await convertFiles(`${repoRoot}terraform/${name}`)) as HclObject;
  const localsBlocks = Array.isArray(json.locals) ? json.locals : [];
  const locals: HclObject = {};
  for (const block of localsBlocks) {
    for (const [key, value] of Object.entries(asObject(block, 'locals'))) {
      if (key in locals) throw new Error(`local.${key} is defined twice`);
      locals[key] = value;
    }
  }
  const variables = Object.fromEntries(
    Object.entries(asObject(json.variable ?? {}, 'variable')).map(([key, blocks]) => [
      key,
      single(blocks, `variable ${key}`),
    ]),
  );
  return {
    locals,
    variables,
    resources: blocksByName(json.resource, 'resource'),
    data: blocksByName(json.data, 'data'),
  };
}

/** The JSON form of an HCL expression: `hcl('local.agents')` is the string "${local.agents}". */
export function hcl(source: string): string {
  return `\${${source}}`;
}

/** A `resource` or `data` block of the module; throws when it is missing. */
export function block(
  blocks: TerraformModule['resources'] | TerraformModule['data'],
  type: string,
  name: string,
): HclObject {
  const found = blocks[type]?.[name];
  if (!found) throw new Error(`${type}.${name} is not in the module`);
  return found;
}

const variableReference = /^\$\{(?:tostring\()?var\.([a-z0-9_]+)\)?\}$/;
// An attribute of an object variable that defaults to null, with the value to use when it is null.
const attributeReference =
  /^\$\{(?:tostring\()?try\(var\.([a-z0-9_]+)\.([a-z0-9_]+), (null|true|false)\)\)?\}$/;

/** How a Terraform value is set: a literal, an input variable (with its default, if any), or an expression. */
export type ValueSource =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'variable'; name: string; hasDefault: boolean; default: HclValue | undefined }
  | { kind: 'expression'; source: string };

function declared(module: TerraformModule, name: string): HclObject {
  const variable = module.variables[name];
  if (!variable) throw new Error(`var.${name} is not declared`);
  return variable;
}

/**
 * Classifies a value: `${var.x}` and `${tostring(var.x)}` resolve to the variable; `${try(var.x.a, fallback)}`
 * (or inside `tostring`) of an `x` that defaults to null resolves to `x.a` with the fallback as its default;
 * other `${...}` stay opaque.
 */
export function valueSource(module: TerraformModule, value: HclValue | undefined): ValueSource {
  if (typeof value === 'string') {
    const reference = variableReference.exec(value);
    if (reference?.[1]) {
      const name = reference[1];
      const variable = declared(module, name);
      return { kind: 'variable', name, hasDefault: 'default' in variable, default: variable.default };
    }
    const [, object, attribute, fallback] = attributeReference.exec(value) ?? [];
    if (object && attribute && fallback && declared(module, object).default === null) {
      const name = `${object}.${attribute}`;
      return { kind: 'variable', name, hasDefault: true, default: JSON.parse(fallback) as HclValue };
    }
    if (value.includes('${')) return { kind: 'expression', source: value };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'literal', value };
  }
  return { kind: 'expression', source: JSON.stringify(value) };
}

/** A policy statement and the `each.key` whose document alone has it (undefined when every document has it). */
export interface PolicyStatement {
  statement: HclObject;
  onlyFor: string | undefined;
}

const onlyForKey = /^\$\{each\.key == "([a-z0-9_]+)" \? \[1\] : \[\]\}$/;
const tableForKey = /^\$\{local\.([a-z0-9_]+)\[each\.key\]\}$/;
const tableField = /^\$\{statement\.value\.([a-z0-9_]+)\}$/;

/** A table-driven dynamic content with each `statement.value.<field>` replaced by that field of `entry`. */
function fillContent(content: HclObject, entry: HclObject, where: string): HclObject {
  const statement: HclObject = {};
  for (const [name, value] of Object.entries(content)) {
    const field = tableField.exec(String(value))?.[1];
    const filled = field === undefined ? value : entry[field];
    if (filled === undefined) throw new Error(`${where} has no ${field}`);
    statement[name] = filled;
  }
  return statement;
}

/**
 * The statements one `dynamic "statement"` block adds, in either layout: `for_each = each.key == "x" ? [1] : []`
 * over a literal content, or `for_each = local.table[each.key]` over a content of `statement.value.<field>`, which
 * yields every entry of the table, each for its key. Throws on any other `for_each`, so no statement goes unseen.
 */
function dynamicStatements(module: TerraformModule, block: HclObject): PolicyStatement[] {
  const contents = Array.isArray(block.content) ? block.content : [];
  const content = asObject(contents.length === 1 ? contents[0] : undefined, 'dynamic statement content');
  const forEach = String(block.for_each);
  const onlyFor = onlyForKey.exec(forEach)?.[1];
  if (onlyFor) return [{ statement: content, onlyFor }];
  const table = tableForKey.exec(forEach)?.[1];
  if (!table)
    throw new Error(`dynamic "statement" iterates over ${forEach}, which this reader cannot resolve`);
  return Object.entries(asObject(module.locals[table], `local.${table}`)).flatMap(([key, entries]) => {
    if (!Array.isArray(entries))
      throw new Error(`local.${table}.${key} is not a list: ${JSON.stringify(entries)}`);
    return entries.map((value, index) => {
      const where = `local.${table}.${key}[${index}]`;
      return { statement: fillContent(content, asObject(value, where), where), onlyFor: key };
    });
  });
}

/** Every `statement` of an `aws_iam_policy_document`, including those its `dynamic "statement"` blocks add. */
export function policyStatements(module: TerraformModule, document: HclObject): PolicyStatement[] {
  const statements = Array.isArray(document.statement) ? document.statement : [];
  const dynamic = asObject(document.dynamic ?? {}, 'dynamic');
  const dynamicBlocks = Array.isArray(dynamic.statement) ? dynamic.statement : [];
  return [
    ...statements.map((statement) => ({ statement: asObject(statement, 'statement'), onlyFor: undefined })),
    ...dynamicBlocks.flatMap((value) => dynamicStatements(module, asObject(value, 'dynamic statement'))),
  ];
}

// ComfyUI workflows in API format ("Export (API)"): the built-in text-to-image one, reading a pasted
// one, mapping its inputs (checkpoint, prompts, size, seed, steps, CFG, batch) automatically or
// from "role = node.input" lines, and filling them in for a run. Pure.

export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string };
}
export type ComfyGraph = Record<string, ComfyNode>;

export const WORKFLOW_ROLES = ['checkpoint', 'positive', 'negative', 'width', 'height', 'seed', 'steps', 'cfg', 'batch'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];
export interface InputRef {
  node: string;
  input: string;
}
export type WorkflowMap = Partial<Record<WorkflowRole, InputRef>>;

/** ComfyUI's default text-to-image graph, in API format. */
export const BUILTIN_WORKFLOW: ComfyGraph = {
  '3': {
    class_type: 'KSampler',
    inputs: {
      seed: 0,
      steps: 25,
      cfg: 7,
      sampler_name: 'euler',
      scheduler: 'normal',
      denoise: 1,
      model: ['4', 0],
      positive: ['6', 0],
      negative: ['7', 0],
      latent_image: ['5', 0],
    },
  },
  '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: '' } },
  '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: '', clip: ['4', 1] } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: '', clip: ['4', 1] } },
  '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
  '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'Promptbrush', images: ['8', 0] } },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const linkTarget = (value: unknown): string | undefined =>
  Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1]) ? value[0] : undefined;

/** A pasted workflow as a graph, or why it is not one. */
export function parseWorkflow(text: string): ComfyGraph | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'The workflow is not JSON. In ComfyUI, use "Export (API)" and paste the whole file.' };
  }
  if (!isObject(data)) return { problem: 'The workflow is not a JSON object of nodes.' };
  if (Array.isArray(data.nodes) && Array.isArray(data.links)) {
    return { problem: 'This is the UI format (it has "nodes" and "links"). In ComfyUI, use "Export (API)" instead and paste that.' };
  }
  const entries = Object.entries(data);
  if (entries.length === 0) return { problem: 'The workflow has no nodes.' };
  for (const [id, node] of entries) {
    if (!isObject(node) || typeof node.class_type !== 'string' || !isObject(node.inputs)) {
      return { problem: `Node ${id} has no "class_type" and "inputs": this is not API-format JSON.` };
    }
  }
  return data as unknown as ComfyGraph;
}

const SAMPLERS = /^(KSampler|KSamplerAdvanced|SamplerCustom)$/;

/** Follows a link input to a node that has `input` (through at most a few single-input nodes). */
function follow(graph: ComfyGraph, value: unknown, input: string, depth = 0): InputRef | undefined {
  const id = linkTarget(value);
  const node = id ? graph[id] : undefined;
  if (!id || !node || depth > 4) return undefined;
  if (input in node.inputs && linkTarget(node.inputs[input]) === undefined) return { node: id, input };
  for (const next of Object.values(node.inputs)) {
    const found = linkTarget(next) ? follow(graph, next, input, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The inputs found by following the sampler's links: what ComfyUI's own default graph and most text-to-image graphs look like. */
export function autoMap(graph: ComfyGraph): WorkflowMap {
  const map: WorkflowMap = {};
  const samplerId = Object.keys(graph).find((id) => SAMPLERS.test(graph[id]?.class_type ?? ''));
  const sampler = samplerId ? graph[samplerId] : undefined;
  if (samplerId && sampler) {
    const own = (input: string) => (input in sampler.inputs && !linkTarget(sampler.inputs[input]) ? { node: samplerId, input } : undefined);
    const seed = own('seed') ?? own('noise_seed');
    if (seed) map.seed = seed;
    const steps = own('steps');
    if (steps) map.steps = steps;
    const cfg = own('cfg');
    if (cfg) map.cfg = cfg;
    const positive = follow(graph, sampler.inputs.positive, 'text');
    if (positive) map.positive = positive;
    const negative = follow(graph, sampler.inputs.negative, 'text');
    if (negative) map.negative = negative;
    for (const [role, input] of [
      ['width', 'width'],
      ['height', 'height'],
      ['batch', 'batch_size'],
    ] as const) {
      const found = follow(graph, sampler.inputs.latent_image, input);
      if (found) map[role] = found;
    }
    const checkpoint = follow(graph, sampler.inputs.model, 'ckpt_name');
    if (checkpoint) map.checkpoint = checkpoint;
  }
  if (!map.checkpoint) {
    const loader = Object.keys(graph).find((id) => 'ckpt_name' in (graph[id]?.inputs ?? {}));
    if (loader) map.checkpoint = { node: loader, input: 'ckpt_name' };
  }
  return map;
}

/** "positive = 6.text" lines (blank lines and # comments ignored). */
export function parseMapLines(text: string): WorkflowMap | { problem: string } {
  const map: WorkflowMap = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const match = /^([a-z]+)\s*[=:]\s*([\w-]+)\.(\w+)$/i.exec(line);
    const role = match?.[1]?.toLowerCase() as WorkflowRole | undefined;
    if (!match || !role || !(WORKFLOW_ROLES as readonly string[]).includes(role)) {
      return {
        problem: `Mapping line ${index + 1} ("${line}") should read "role = node.input", role one of ${WORKFLOW_ROLES.join(', ')}.`,
      };
    }
    map[role] = { node: match[2] as string, input: match[3] as string };
  }
  return map;
}

const ROLE_WORDS: Record<WorkflowRole, string> = {
  checkpoint: 'the checkpoint',
  positive: 'the prompt',
  negative: 'the negative prompt',
  width: 'the width',
  height: 'the height',
  seed: 'the seed',
  steps: 'the steps',
  cfg: 'the CFG scale',
  batch: 'the batch size',
};

export interface ResolvedWorkflow {
  graph: ComfyGraph;
  map: WorkflowMap;
  /** The nodes whose images are the result (SaveImage, PreviewImage…). */
  outputs: string[];
}

/**
 * The workflow a run uses (the pasted one, or the built-in), with its inputs mapped and checked:
 * every mapped node exists and has the input, the prompt is mapped, and something saves images.
 */
export function resolveWorkflow(workflowText: string, mapText: string): ResolvedWorkflow | { problem: string } {
  const graph = workflowText.trim() ? parseWorkflow(workflowText) : BUILTIN_WORKFLOW;
  if ('problem' in graph && typeof graph.problem === 'string') return { problem: graph.problem };
  const nodes = graph as ComfyGraph;
  const given = parseMapLines(mapText);
  if ('problem' in given && typeof given.problem === 'string') return { problem: given.problem };
  const map: WorkflowMap = { ...autoMap(nodes), ...(given as WorkflowMap) };
  for (const role of WORKFLOW_ROLES) {
    const ref = map[role];
    if (!ref) continue;
    const node = nodes[ref.node];
    if (!node) return { problem: `Node "${ref.node}", mapped for ${ROLE_WORDS[role]}, is not in the workflow.` };
    if (!(ref.input in node.inputs)) {
      return { problem: `Node "${ref.node}" (${node.class_type}) has no input "${ref.input}", mapped for ${ROLE_WORDS[role]}.` };
    }
  }
  if (!map.positive) {
    return { problem: 'No node takes the prompt: add a line such as "positive = 6.text" naming the CLIPTextEncode node of the prompt.' };
  }
  const outputs = Object.keys(nodes).filter((id) => /^(SaveImage|PreviewImage)/.test(nodes[id]?.class_type ?? ''));
  if (outputs.length === 0) return { problem: 'The workflow has no SaveImage or PreviewImage node, so it would make no image.' };
  return { graph: nodes, map, outputs };
}

export type WorkflowValues = Partial<Record<WorkflowRole, string | number>>;

/** A copy of the graph with the mapped inputs set to the run's values (unmapped values are left as the workflow has them). */
export function fillWorkflow(resolved: ResolvedWorkflow, values: WorkflowValues): ComfyGraph {
  const graph = structuredClone(resolved.graph);
  for (const role of WORKFLOW_ROLES) {
    const ref = resolved.map[role];
    const value = values[role];
    const node = ref ? graph[ref.node] : undefined;
    if (ref && node && value !== undefined && value !== '') node.inputs[ref.input] = value;
  }
  return graph;
}

/** The value a mapped input has in the workflow itself (a pasted workflow's own checkpoint). */
export function mappedValue(resolved: ResolvedWorkflow, role: WorkflowRole): unknown {
  const ref = resolved.map[role];
  return ref ? resolved.graph[ref.node]?.inputs[ref.input] : undefined;
}

import { z } from 'zod';

/** The specialist agents the planner can call. */
export const SpecialistName = z.enum(['reporter', 'charter', 'retirement']);
export type SpecialistName = z.infer<typeof SpecialistName>;

/** Every agent Lambda. */
export const AgentName = z.enum(['planner', 'tagger', 'reporter', 'charter', 'retirement']);
export type AgentName = z.infer<typeof AgentName>;

/** Model usage reported by one agent run. */
export const AgentUsage = z.object({
  requests: z.number().int().min(0),
  input_tokens: z.number().int().min(0),
  output_tokens: z.number().int().min(0),
});
export type AgentUsage = z.infer<typeof AgentUsage>;

/** What a specialist or the tagger returns to its caller (the Lambda response payload). */
export const AgentResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    agent: AgentName,
    model: z.string(),
    usage: AgentUsage,
    /**
     * The model whose tokens `usage` counts: the configured one, also when `model` is "offline" because its
     * text was rejected or it failed after spending tokens. Absent from older agents: `model` then.
     */
    usage_model: z.string().optional(),
    detail: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), agent: AgentName, error: z.string() }),
]);
export type AgentResponse = z.infer<typeof AgentResponse>;

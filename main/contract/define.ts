import type { z } from 'zod';

/** A request/response channel: the renderer invokes, the services host answers. */
export interface CallDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
}

export function call<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res): CallDef<Req, Res> {
  return { request, response };
}

import { performance } from 'node:perf_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/** What a timed statement did; raw SQL and schema changes are `other`. */
export type QueryKind = 'select' | 'insert' | 'update' | 'delete' | 'other';

const KINDS: Partial<Record<RootOperationNode['kind'], QueryKind>> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
};

/**
 * Times every statement from the moment it is built to its result, including any wait for a
 * pooled connection (which is what a slow store costs a use case). A statement that fails is not
 * timed; its entry goes with its query id.
 */
export function timeQueries(observe: (kind: QueryKind, seconds: number) => void): KyselyPlugin {
  const started = new WeakMap<object, { kind: QueryKind; at: number }>();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      started.set(queryId, { kind: KINDS[node.kind] ?? 'other', at: performance.now() });
      return node;
    },
    async transformResult({
      result,
      queryId,
    }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const start = started.get(queryId);
      if (start) {
        started.delete(queryId);
        observe(start.kind, (performance.now() - start.at) / 1000);
      }
      return result;
    },
  };
}

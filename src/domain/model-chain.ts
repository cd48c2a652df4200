import { type RoutingFeatures, routeModel } from "./model-routing.ts";
import { OFFLINE_MODEL_ID } from "./models.ts";

/**
 * The models to try, in order, for a task: the routed Claude model and its fallback chain when a cloud
 * model is configured, else the offline model alone (so the cache key names the model that will answer).
 */
export function modelChainFor(features: RoutingFeatures, cloudAvailable: boolean): readonly string[] {
  if (!cloudAvailable) return [OFFLINE_MODEL_ID];
  const route = routeModel(features);
  return [route.model, ...route.fallbackChain];
}

/** True for the id of the in-process rules-based model. */
export const isOfflineModel = (modelId: string): boolean => modelId === OFFLINE_MODEL_ID;

/** The machine a run measured on, printed beside every table (figures mean little without it). */
import { availableParallelism, cpus, platform, release, totalmem } from "node:os";

/** What the report says about the machine. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly os: string;
}

/** This machine. */
export function describeMachine(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

// The session's location stacks (Push-Location / Pop-Location): the default stack and named ones
// (-StackName), each a list of locations, the most recent last.

import { serviceKey, type ServiceKey } from './cmdlet.js';

export const DEFAULT_STACK = 'default';

export class LocationStacks {
  private readonly stacks = new Map<string, { name: string; items: string[] }>();

  push(stackName: string, location: string): void {
    const key = stackName.toLowerCase();
    let s = this.stacks.get(key);
    if (!s) this.stacks.set(key, (s = { name: stackName, items: [] }));
    s.items.push(location);
  }

  /** The location on top of the stack, taken off it; undefined when the stack is empty or unknown. */
  pop(stackName: string): string | undefined {
    return this.stacks.get(stackName.toLowerCase())?.items.pop();
  }

  has(stackName: string): boolean {
    return this.stacks.has(stackName.toLowerCase());
  }

  /** The locations of a stack, the most recent first. */
  list(stackName: string): string[] {
    return [...(this.stacks.get(stackName.toLowerCase())?.items ?? [])].reverse();
  }
}

export const LocationStacksKey: ServiceKey<LocationStacks> = serviceKey<LocationStacks>('locationStacks');

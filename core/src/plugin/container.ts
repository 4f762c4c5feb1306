// tsyringe refuses to load without the Reflect metadata polyfill; every entry point reaches tsyringe through here.
import 'reflect-metadata';
import { container, type DependencyContainer } from 'tsyringe';

/** A fresh DI scope, so several Warden instances (or tests) in one process never share bindings. */
export function createWardenContainer(): DependencyContainer {
  return container.createChildContainer();
}

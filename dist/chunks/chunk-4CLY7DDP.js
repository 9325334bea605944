import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/registry/command.ts
function register(descriptor) {
  return {
    ...descriptor,
    async execute(source, root) {
      const settings = descriptor.read(source);
      return descriptor.present(await descriptor.run(settings, root), settings, root);
    }
  };
}

export {
  register
};

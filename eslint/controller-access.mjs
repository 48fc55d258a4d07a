// Every route handler says who may call it: @Roles(...), @Public() or @PortalRoute() (a signed-in client of the
// client portal), on the method or its controller.
// PermitDesk holds passport numbers and immigration histories, so "forgot to decide" must not compile clean.
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All', 'Sse']);
const ACCESS_DECORATORS = new Set(['Roles', 'Public', 'PortalRoute']);

function decoratorName(decorator) {
  const expression = decorator.expression;
  if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier')
    return expression.callee.name;
  if (expression.type === 'Identifier') return expression.name;
  return undefined;
}

const names = (node) => (node.decorators ?? []).map(decoratorName).filter(Boolean);

export const controllerAccess = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Route handlers carry @Roles(...), @Public() or @PortalRoute() (on the method or the controller)',
    },
    schema: [],
    messages: {
      missing:
        'Route handler "{{name}}" says nothing about who may call it: add @Roles(...), @Public() or @PortalRoute().',
    },
  },
  create(context) {
    return {
      ClassDeclaration(classNode) {
        const classDecorators = names(classNode);
        if (!classDecorators.includes('Controller')) return;
        if (classDecorators.some((name) => ACCESS_DECORATORS.has(name))) return;
        for (const member of classNode.body.body) {
          if (member.type !== 'MethodDefinition') continue;
          const memberDecorators = names(member);
          if (!memberDecorators.some((name) => ROUTE_DECORATORS.has(name))) continue;
          if (memberDecorators.some((name) => ACCESS_DECORATORS.has(name))) continue;
          context.report({
            node: member.key,
            messageId: 'missing',
            data: { name: member.key.name ?? 'handler' },
          });
        }
      },
    };
  },
};

export default { rules: { 'controller-access': controllerAccess } };

# PermitDesk: one image for the API and the worker (choose with the command).
# Every command runs the Node pinned in package.json (the `node` package, node_modules/.bin/node), the same one
# npm scripts and the tests use, not the base image's: its tzdata decides every deadline and reminder time, and
# the processes refuse to start on older tzdata (libs/config/src/tzdata.ts). The base image only brings npm.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev \
 && node_modules/.bin/node -e "const want=require('./package.json').dependencies.node; if (process.versions.node!==want) { console.error('node_modules/.bin/node is '+process.versions.node+', package.json pins '+want); process.exit(1) } console.log('Node '+process.versions.node+', tzdata '+process.versions.tz)"

FROM node:24-bookworm-slim
ENV NODE_ENV=production
# `node` in any command (compose, a shell in the container) is the pinned one.
ENV PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/libs/reference-data/data ./libs/reference-data/data
COPY --from=build /app/libs/auth/data ./libs/auth/data
COPY --from=build /app/libs/documents/data ./libs/documents/data
# The documents folder (DOCUMENTS_DIR), owned by the user the processes run as, so a volume mounted there is too.
RUN mkdir -p /app/data/documents && chown -R node:node /app/data
USER node
EXPOSE 3000 3001
# The API's heap: V8 sizes it from the machine's memory (gigabytes on a large host); a few hundred MB is plenty.
CMD ["/app/node_modules/.bin/node", "--max-semi-space-size=16", "--max-old-space-size=256", "--expose-gc", "dist/apps/api/src/main.js"]

# PermitDesk: one image for the API and the worker (choose with the command).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/libs/reference-data/data ./libs/reference-data/data
COPY --from=build /app/libs/auth/data ./libs/auth/data
USER node
EXPOSE 3000 3001
# The API's heap: V8 sizes it from the machine's memory (gigabytes on a large host); a few hundred MB is plenty.
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=256", "dist/apps/api/src/main.js"]

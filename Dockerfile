# syntax=docker/dockerfile:1
# Gemgate's container image: a release build with the Swift standard library linked in, on
# debian:bookworm-slim with only the runtime libraries of deploy/runtime-packages.txt.
# scripts/rootfs/test.sh proves this runtime stage without Docker (same flags, same layout).

# The toolchain this repository is built and tested with.
ARG SWIFT_IMAGE=swift:6.3.1-bookworm

# ---- build ----------------------------------------------------------------------------------
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev libmariadb-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a source change does not fetch them again. Package.resolved is
# optional (the [d] matches it only when present).
COPY Package.swift Package.resolve[d] ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
# The same command as scripts/rootfs/test.sh: release, static Swift standard library, stripped.
RUN swift build -c release --static-swift-stdlib --product gemgate \
    && mkdir -p /out && strip -o /out/gemgate "$(swift build -c release --static-swift-stdlib --show-bin-path)/gemgate"

# ---- runtime --------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
COPY deploy/ /tmp/deploy/
RUN sh /tmp/deploy/image-setup.sh && rm -rf /tmp/deploy
COPY --from=build /out/gemgate /usr/local/lib/gemgate/gemgate

# No USER: the container starts as root only so that /usr/local/bin/gemgate (deploy/gemgate-wrapper.sh)
# can hand a root-owned volume to the app user; it then runs the gateway as "gemgate" (uid 1000).
WORKDIR /app
# The SQLite file is data/<SQLITE_DATABASE>, i.e. /app/data/default_db, as in gemini-balance.
VOLUME ["/app/data"]
EXPOSE 8000
# `gemgate healthcheck` asks GET /health on this container's own PORT (7860 on Hugging Face).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["gemgate", "healthcheck"]
ENTRYPOINT ["gemgate"]
CMD ["serve"]

# The workbench's entry points: one target per line of configs/targets.txt,
# each running targets/NAME.sh ("make help" lists them). Settings reach the
# scripts through the environment, whether given to make or to the shell:
# "BASE=6.12 MODES=tdp make check" = "make check BASE=6.12 MODES=tdp".
TARGETS := $(shell sed -n 's/^\([a-z][a-z0-9-]*\)[[:space:]].*/\1/p' configs/targets.txt)

.DEFAULT_GOAL := help
.NOTPARALLEL:
.PHONY: $(TARGETS)

$(TARGETS):
	@$(CURDIR)/targets/$@.sh

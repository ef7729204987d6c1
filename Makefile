# Workbench for the MGLRU secondary-MMU aging series on Linux 6.12 LTS.
# Entry points: "make run" (the patched kernel's access_tracking_perf_test,
# summarised) and "make check" (the tests). See README.md.
#
# Everything generated goes under $(WORK); ccache keeps its cache in its
# default place (~/.cache/ccache) so that a new work directory rebuilds fast.

WORK ?= $(CURDIR)/work
TREE ?= $(WORK)/linux
MODES ?= all
export WORK TREE MODES

S := scripts

.NOTPARALLEL:
.PHONY: help deps tree build build-debug run check bench check-cross check-series lint bench-interference \
	check-sanitizers check-regression soak export-patches reset-tree clean

help:
	@echo "make run             build what is missing, boot the patched kernel, run"
	@echo "                     access_tracking_perf_test, print what it measured"
	@echo "make check           series applies, checkpatch, debug kernel build, KVM"
	@echo "                     selftests in every MMU mode (MODES=tdp,shadow,...)"
	@echo "make bench           base vs patched kernel, aging benchmark, interleaved runs"
	@echo "make bench-interference  how much a busy second CPU alone slows a vCPU under TCG"
	@echo "                     (BENCH=quick for a small matrix, REPS=N repetitions)"
	@echo "make check-cross     compile the touched files for arm64 and x86 without"
	@echo "                     MMU notifiers (W=1)"
	@echo "make check-series    compile the touched objects (W=1) at every patch"
	@echo "make check-sanitizers  the series' tests on KASAN and KCSAN kernels, base and"
	@echo "                     patched (SANITIZERS=kasan, MODES=tdp to narrow)"
	@echo "make check-regression  every x86 KVM selftest on the base and the patched kernel,"
	@echo "                     side by side"
	@echo "make soak            aging_stress + reclaim tests, SOAK_MINUTES (10) each per MMU mode, on the"
	@echo "                     debug kernel"
	@echo "make tree            unpack the base into \$$(WORK)/linux and apply patches/"
	@echo "make build           build the patched kernel (build-debug: with lockdep etc.)"
	@echo "make export-patches  regenerate patches/ from the commits in \$$(WORK)/linux"
	@echo "make reset-tree      drop the tree's own commits and re-apply patches/"
	@echo "make lint            shellcheck and the workbench's unit tests"
	@echo "make clean           remove \$$(WORK)"

deps:
	@$(S)/install-deps.sh core

tree: deps
	@$(S)/prepare-tree.sh

build: tree
	@$(S)/build-kernel.sh $(TREE) $(WORK)/build/patched configs/kernel.config

build-debug: tree
	@$(S)/build-kernel.sh $(TREE) $(WORK)/build/patched-debug configs/kernel.config configs/debug.config

run: deps
	@MODES=$(if $(filter command line,$(origin MODES)),$(MODES),tdp) $(S)/run.sh

check: deps
	@$(S)/check.sh

bench: deps
	@$(S)/bench.sh

bench-interference: deps
	@$(S)/bench-interference.sh

check-cross: tree
	@$(S)/install-deps.sh cross
	@$(S)/build-touched.sh arm64 configs/cross-arm64.config $(WORK)/build/cross-arm64
	@$(S)/build-touched.sh x86_64 configs/x86-no-mmu-notifier.config $(WORK)/build/x86-no-mmu-notifier
	@echo "check-cross: the touched objects build for arm64 and for x86 without MMU notifiers"

lint:
	@$(S)/install-deps.sh lint
	shellcheck -x $(S)/*.sh .ci/run
	python3 -m unittest discover -s $(S)/tests

check-series: deps
	@$(S)/check-series.sh

check-sanitizers: deps
	@$(S)/check-sanitizers.sh

check-regression: deps
	@MODES=$(if $(filter command line environment,$(origin MODES)),$(MODES),tdp) \
		$(S)/check-regression.sh

soak: deps
	@$(S)/soak.sh

export-patches:
	@$(S)/export-patches.sh

reset-tree:
	@git -C $(TREE) reset -q --hard base
	@rm -f $(TREE)/.git/workbench-series
	@git -C $(TREE) update-ref -d refs/workbench/applied 2>/dev/null || true
	@$(S)/prepare-tree.sh

clean:
	rm -rf $(WORK)

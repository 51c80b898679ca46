# make run   : set up and open the app on the demo profile
# make test  : set up and run every check headless
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DIR ?= .demo/profile
DEMO_UNITS ?= 20000
STAMP  := $(VENV)/.installed



.PHONY: run run-check test lint bench system-deps venv translations demo i18n clean server stop-server package package-test docs

system-deps:
	@bash tools/system_deps.sh

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,server]'
	@touch $(STAMP)

venv: $(STAMP)

# .ts sources are in the repository; the binary .qm files are built here.
translations: $(STAMP)
	@$(BIN)/python tools/i18n.py release

demo: venv translations
	$(BIN)/inspector-app demo --data-dir $(DEMO_DIR) --units $(DEMO_UNITS) --seed 1 --if-missing

# A local sync server with the demo data runs in the background (stop it with `make stop-server`).
run: demo
	@BIN=$(BIN) DEMO_DIR=$(DEMO_DIR) bash tools/demo_server.sh || echo "No demo sync server; the app works offline."
	$(BIN)/inspector-app --data-dir $(DEMO_DIR)

# What `make run` does, proven headless (CI runs it on its clean clone): the demo profile, the
# demo sync server, then the app signs in as the demo officer, syncs once and exits 0. A server
# this started is stopped again; one that was already running is left alone.
run-check: demo
	@started=0; [ -f .demo/server.pid ] || started=1; \
	BIN=$(BIN) DEMO_DIR=$(DEMO_DIR) bash tools/demo_server.sh || exit 1; \
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 $(BIN)/inspector-app --data-dir $(DEMO_DIR) \
	  demo-check --screenshot .demo/run-check.png; rc=$$?; \
	if [ $$started = 1 ]; then $(MAKE) --no-print-directory stop-server; fi; exit $$rc

# The sync server alone, in the foreground (seeded with the demo data on first start).
server: demo
	@BIN=$(BIN) DEMO_DIR=$(DEMO_DIR) bash tools/demo_server.sh --foreground

stop-server:
	@if [ -f .demo/server.pid ]; then kill $$(cat .demo/server.pid) 2>/dev/null || true; rm -f .demo/server.pid; fi

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python tools/i18n.py check

test: venv translations lint
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 $(BIN)/python -m pytest

bench: venv translations
	QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 $(BIN)/python -m benchmarks

# The one-folder desktop build (dist/inspector-app/) and its self-check on a fresh folder,
# offscreen and with the system's fonts hidden (tools/without_system_fonts.sh): demo profile,
# a 首违不罚 notice PDF, a notice to 王𠮷䶮㵘 drawn with the build's own rare-character faces,
# 𰻞𰻞面馆 refused, every page, a QtWebEngine page; then pdffonts/pdftotext on that notice.
PACKAGED := dist/inspector-app/inspector-app

package: venv translations
	@$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/pip install -q -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	$(BIN)/python tools/check_bundle.py dist/inspector-app
	@du -sh dist/inspector-app

package-test: package
	@rm -rf build/smoke-profile
	QT_QPA_PLATFORM=offscreen bash tools/without_system_fonts.sh $(PACKAGED) smoke --data-dir build/smoke-profile
	$(BIN)/python tools/check_bundle.py --smoke build/smoke-profile

# Screenshots for the user guides in docs/, from the real app on a fresh demo profile.
# The user guides' screenshots at a field laptop's 1366×768, and the 1024×600 set of the
# smallest one (the offscreen screen is given that size, so windows are fitted to it).
docs: venv translations
	QT_QPA_PLATFORM=offscreen:configfile=tools/offscreen-1366x768.json $(BIN)/python tools/docs_screenshots.py --out docs/images
	QT_QPA_PLATFORM=offscreen:configfile=tools/offscreen-1024x600.json $(BIN)/python tools/docs_screenshots.py \
	  --size 1024x570 --out docs/images/1024x600

# Refresh the .ts sources from the code (developers run this after adding UI strings).
i18n: venv
	$(BIN)/python tools/i18n.py update

clean:
	rm -rf $(VENV) .demo build dist .mypy_cache .ruff_cache

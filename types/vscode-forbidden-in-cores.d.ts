// tsconfig.cores.json maps the module "vscode" here. This file is not a module, so any import of
// "vscode" from a pure core fails to compile with TS2306. The cores must stay free of VS Code (ARCHITECTURE.md).

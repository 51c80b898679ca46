"""Reading and writing .xlsx/.csv spreadsheets (openpyxl)."""

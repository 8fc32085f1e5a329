"""HTML, CSV and XLSX reports. Rendering only: every function is handed finished rows."""

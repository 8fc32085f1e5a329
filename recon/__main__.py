from recon.cli import app

app(prog_name="recon")

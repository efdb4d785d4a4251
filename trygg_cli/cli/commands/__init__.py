"""One module per command: its typer signature, its options gathered into one frozen
object, and a short ``run`` that calls the core, writes the report and returns the exit
code. Each imports the core it calls inside ``run``, so that loading them all stays cheap.
"""

from .cli import run

if __name__ == "__main__":  # (not when a search process imports it: search_process.py)
    run()

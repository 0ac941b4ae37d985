from .cli import main

if __name__ == "__main__":  # (not when a search process imports it: search_process.py)
    raise SystemExit(main())

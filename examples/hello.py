print("Hello from minipy")

RAN = True

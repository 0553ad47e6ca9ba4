print("adopt-bench: not written yet")

# Float arithmetic on locals and attributes: a small particle simulation.
import sys


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy


def run(n):
    ps = [Particle(i * 0.5, i * 0.25, 1.0 / (i + 1), -0.5 / (i + 2)) for i in range(50)]
    dt = 0.01
    for _ in range(n):
        for p in ps:
            ax = -p.x * 0.1
            ay = -p.y * 0.1
            p.vx += ax * dt
            p.vy += ay * dt
            p.x += p.vx * dt
            p.y += p.vy * dt
    energy = sum(0.5 * (p.vx * p.vx + p.vy * p.vy) + 0.05 * (p.x * p.x + p.y * p.y) for p in ps)
    return f"{energy:.6f}"


n = int(6_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))

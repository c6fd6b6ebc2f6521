#!/usr/bin/env python3
"""The reference for gemba-bench-simulation: a tandem line in SimPy (Debian's python3-simpy).

Items arrive at random (exponential gaps), pass STATIONS single-server FIFO stations with
exponential service times, and leave. Time is in seconds of working time, a day DAY seconds.
Prints one JSON object: the lead time's mean and its 95% confidence half width from 20 batch
means (items in completion order, Student's t), throughput per day, items finished, and the
CPU seconds the simulation took (Python start-up not counted). Usage:
  python3 simpy_tandem.py STATIONS PER_DAY SERVICE_SECONDS DAYS WARMUP_DAYS SEED [DAY_SECONDS]
"""
import json
import math
import random
import sys
import time

# Debian 12 ships SimPy 2 (python3-simpy: the SimPy.Simulation API); SimPy 3 and later
# ("import simpy") is used where that is what is installed.
try:
    from SimPy.Simulation import Process, Resource, Simulation, hold, release, request
    SIMPY = 2
except ImportError:
    import simpy
    SIMPY = 3


def run_simpy2(stations, gap, service, horizon, warmup, rng, lead_times, finished):
    sim = Simulation()
    sim.initialize()
    servers = [Resource(capacity=1, sim=sim) for _ in range(stations)]

    class Item(Process):
        def run(self, born):
            for server in servers:
                yield request, self, server
                yield hold, self, rng.expovariate(1 / service)
                yield release, self, server
            if sim.now() >= warmup:
                finished[0] += 1
                if born >= warmup:
                    lead_times.append(sim.now() - born)

    class Arrivals(Process):
        def run(self):
            while True:
                yield hold, self, rng.expovariate(1 / gap)
                item = Item(sim=sim)
                sim.activate(item, item.run(sim.now()))

    source = Arrivals(sim=sim)
    sim.activate(source, source.run())
    sim.simulate(until=horizon)


def run_simpy3(stations, gap, service, horizon, warmup, rng, lead_times, finished):
    env = simpy.Environment()
    servers = [simpy.Resource(env, capacity=1) for _ in range(stations)]

    def item(born):
        for server in servers:
            with server.request() as req:
                yield req
                yield env.timeout(rng.expovariate(1 / service))
        if env.now >= warmup:
            finished[0] += 1
            if born >= warmup:
                lead_times.append(env.now - born)

    def arrivals():
        while True:
            yield env.timeout(rng.expovariate(1 / gap))
            env.process(item(env.now))

    env.process(arrivals())
    env.run(until=horizon)


def main():
    stations, per_day, service, days, warmup_days, seed = sys.argv[1:7]
    day = float(sys.argv[7]) if len(sys.argv) > 7 else 8 * 3600.0
    stations, seed = int(stations), int(seed)
    per_day, service, days, warmup_days = map(float, (per_day, service, days, warmup_days))
    horizon, warmup = days * day, warmup_days * day
    rng = random.Random(seed)
    lead_times = []
    finished = [0]
    run = run_simpy2 if SIMPY == 2 else run_simpy3
    start = time.process_time()
    run(stations, day / per_day, service, horizon, warmup, rng, lead_times, finished)
    seconds = time.process_time() - start

    batches = 20
    size = len(lead_times) // batches
    means = [sum(lead_times[b * size:(b + 1) * size]) / size for b in range(batches)]
    grand = sum(means) / batches
    variance = sum((m - grand) ** 2 for m in means) / (batches - 1)
    print(json.dumps({
        "simpy": SIMPY,
        "mean_seconds": sum(lead_times) / len(lead_times),
        "half_width_seconds": 2.093 * math.sqrt(variance / batches),
        "throughput_per_day": finished[0] / (days - warmup_days),
        "finished": finished[0],
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()

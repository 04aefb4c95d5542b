#!/usr/bin/env python3
"""Summarises a dotnet-trace speedscope file: the request threads' samples by exclusive frame and by selected
inclusive buckets (where the time per request went). Usage: profile-summary.py trace.speedscope.json [top=25]"""
import collections
import json
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
data = json.load(open(path))
frames = [f["name"] for f in data["shared"]["frames"]]
exclusive = collections.Counter()
inclusive = collections.Counter()
total = 0
BUCKETS = [
    ("GC (incl. threads stopped for it)", "GC"),
    ("eligibility engine", "Assistance.Domain.Eligibility"),
    ("parameter resolver", "Assistance.Domain.Policy"),
    ("policy store / cache", "PolicyStore"),
    ("trace DTO mapping", "AssessmentResponse.From"),
    ("JSON serialization", "System.Text.Json"),
    ("Npgsql (driver work)", "Npgsql"),
    ("Dapper", "Dapper"),
    ("FluentValidation", "FluentValidation"),
    ("MediatR pipeline", "MediatR"),
    ("JWT validation", "IdentityModel"),
    ("logging", "Microsoft.Extensions.Logging"),
    ("rate limiter", "RateLimiting"),
    ("routing / endpoint", "Microsoft.AspNetCore.Routing"),
    ("authentication", "Microsoft.AspNetCore.Authentication"),
    ("authorization", "Microsoft.AspNetCore.Authorization"),
    ("Kestrel / sockets", "Microsoft.AspNetCore.Server.Kestrel"),
    ("sockets", "System.Net.Sockets"),
    ("thread pool / async", "System.Threading"),
    # The import path (scripts/bench-import.sh with BENCH_PROFILE=1).
    ("import body / text rule", "HouseholdImportBody"),
    ("import handler / fast check", "Assistance.Application.Households"),
    ("household aggregate", "Assistance.Domain.Households"),
    ("import staging COPY", "HouseholdImportSql"),
]
WAITS = ("?!?", "WorkerThreadStart", "LowLevelLifoSemaphore", "ManualResetEventSlim.Wait", "WaitHandle.Wait", "Monitor.Wait",
         "WaitOneNoCheck", "Thread.Sleep", "TimerLoop", "Thread (")


def account(names, weight):
    global total
    # dotnet-sampled-thread-time samples every thread; only stacks ending in the CPU_TIME pseudo frame were on a CPU.
    if len(names) < 2 or names[-1] != "CPU_TIME":
        return
    names = names[:-1]
    # On Linux the sampler cannot tell a blocked thread from a running one: drop stacks parked in a wait.
    if any(w in names[-1] for w in WAITS):
        return
    total += weight
    exclusive[names[-1]] += weight
    # Charged to the innermost frame that belongs to a bucket ("where the time went"), else "other".
    for name in reversed(names):
        label = next((label for label, needle in BUCKETS if needle in name), None)
        if label:
            inclusive[label] += weight
            break
    else:
        inclusive["other"] += weight


for profile in data["profiles"]:
    if profile.get("type") == "sampled":
        for sample, weight in zip(profile["samples"], profile["weights"]):
            account([frames[i] for i in sample], weight)
    elif profile.get("type") == "evented":
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and stack:
                account([frames[i] for i in stack], event["at"] - last)
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
print(f"on-CPU thread time sampled: {total:.0f} ms (all threads)")
print("busy time by innermost known component:")
for label in [b[0] for b in BUCKETS] + ["other"]:
    print(f"  {label:28s} {100 * inclusive[label] / max(total, 1):5.1f} %")
print(f"top {top} exclusive frames:")
for name, weight in exclusive.most_common(top):
    print(f"  {100 * weight / max(total, 1):5.1f} %  {name[:150]}")

"""Starting `explorer serve` for the load and cache scripts."""
import re, subprocess, tempfile, time


def start_explorer(binary, *arguments):
    """`explorer serve --port 0 …`, its output to a log file: (process, port, log path).
    Raises if it does not say where it listens within 30 s."""
    log = tempfile.NamedTemporaryFile(prefix="explorer-serve-", suffix=".log", delete=False)
    process = subprocess.Popen([binary, "serve", "--port", "0", *arguments], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        with open(log.name, errors="replace") as f:
            match = re.search(r"http://127\.0\.0\.1:(\d+)", f.read())
        if match:
            return process, int(match.group(1)), log.name
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"explorer serve did not start (log: {log.name})")


def release_binary(root):
    """Builds the release explorer and returns its path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "explorer"], cwd=root, check=True, stdout=subprocess.DEVNULL)
    return f"{root}/.build/release/explorer"

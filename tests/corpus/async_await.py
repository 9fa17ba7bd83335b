import asyncio

async def fetch(n):
    await asyncio.sleep(0)
    return n

async def main():
    async with lock as held:
        async for item in stream():
            print(await fetch(item))
    results = [await fetch(i) for i in range(3)]
    return f"{await fetch(1)} {results}"

asyncio.run(main())

import numpy as np
import pandas
print(len(range(3)), numpy.pi, np.numpy, "𝕟 печать")  # 長さ
x = 𝕟x + x𝕟 + печать_ + 長さ2 + f"{len(x)} 長さ"

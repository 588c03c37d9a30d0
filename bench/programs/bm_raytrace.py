"""A ray tracer in pure Python: spheres over a checkerboard plane, two lights, shadows and reflections, rendering an n x n image.

Exercises float arithmetic through operator overloading on small Vector/Point objects (a new
object per operation, so allocation and deallocation), method calls and isinstance checks,
polymorphic dispatch between shapes and surfaces, math.sqrt, float ** int, and recursion
(reflected rays).
"""
import math

EPSILON = 0.00001
MAX_DEPTH = 4


class Vector(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor, self.z * factor)

    def __add__(self, other):
        if isinstance(other, Point):
            return Point(self.x + other.x, self.y + other.y, self.z + other.z)
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, factor):
        if isinstance(factor, Vector):
            # Component-wise product: used for colours (a filter applied to light).
            return Vector(self.x * factor.x, self.y * factor.y, self.z * factor.z)
        return self.scale(factor)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def reflect_through(self, normal):
        """This direction mirrored about the plane whose normal is given."""
        return self - normal * (2.0 * self.dot(normal))


class Point(object):
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __sub__(self, other):
        if isinstance(other, Point):
            return Vector(self.x - other.x, self.y - other.y, self.z - other.z)
        return Point(self.x - other.x, self.y - other.y, self.z - other.z)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)


BLACK = Vector(0.0, 0.0, 0.0)
WHITE = Vector(1.0, 1.0, 1.0)


class Ray(object):
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin + self.direction * t


class Sphere(object):
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        to_centre = self.centre - ray.origin
        along = to_centre.dot(ray.direction)
        gap = self.radius * self.radius - (to_centre.dot(to_centre) - along * along)
        if gap < 0.0:
            return None
        half_chord = math.sqrt(gap)
        t = along - half_chord
        if t > EPSILON:
            return t
        t = along + half_chord
        if t > EPSILON:
            return t
        return None

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Plane(object):
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        facing = ray.direction.dot(self.normal)
        if facing == 0.0:
            return None
        t = (self.point - ray.origin).dot(self.normal) / facing
        if t > EPSILON:
            return t
        return None

    def normal_at(self, p):
        return self.normal


class Surface(object):
    def __init__(self, colour, lambert=0.6, ambient=0.2, shine=0.5, reflect=0.2):
        self.colour = colour
        self.lambert = lambert
        self.ambient = ambient
        self.shine = shine
        self.reflect = reflect

    def base_colour_at(self, p):
        return self.colour

    def colour_at(self, scene, ray, p, normal, depth):
        base = self.base_colour_at(p)
        result = base * self.ambient
        diffuse = 0.0
        highlight = 0.0
        for light in scene.lights:
            to_light = (light - p).normalized()
            facing = to_light.dot(normal)
            if facing <= 0.0 or not scene.visible(p, light):
                continue
            diffuse += facing
            half = (to_light - ray.direction).normalized()
            gloss = half.dot(normal)
            if gloss > 0.0:
                highlight += gloss ** 24
        if diffuse > 1.0:
            diffuse = 1.0
        result = result + base * (self.lambert * diffuse) + WHITE * (self.shine * highlight)
        if self.reflect > 0.0 and depth < MAX_DEPTH:
            bounced = Ray(p, ray.direction.reflect_through(normal))
            result = result + scene.trace(bounced, depth + 1) * self.reflect
        return result


class CheckerboardSurface(Surface):
    def __init__(self, colour, other_colour, size, **options):
        Surface.__init__(self, colour, **options)
        self.other_colour = other_colour
        self.size = size

    def base_colour_at(self, p):
        cell = int(math.floor(p.x / self.size)) + int(math.floor(p.z / self.size))
        if cell % 2 == 0:
            return self.colour
        return self.other_colour


class Scene(object):
    def __init__(self):
        self.objects = []
        self.lights = []
        self.eye = Point(0.0, 1.8, 10.0)
        self.look_at = Point(0.0, 3.0, 0.0)
        self.background = Vector(0.05, 0.08, 0.15)

    def add(self, shape, surface):
        self.objects.append((shape, surface))

    def first_hit(self, ray):
        nearest = None
        nearest_t = 0.0
        for entry in self.objects:
            t = entry[0].intersection_time(ray)
            if t is not None and (nearest is None or t < nearest_t):
                nearest = entry
                nearest_t = t
        return nearest, nearest_t

    def visible(self, p, light):
        to_light = light - p
        distance = to_light.magnitude()
        ray = Ray(p, to_light)
        for shape, _ in self.objects:
            t = shape.intersection_time(ray)
            if t is not None and t < distance:
                return False
        return True

    def trace(self, ray, depth):
        hit, t = self.first_hit(ray)
        if hit is None:
            return self.background
        shape, surface = hit
        p = ray.point_at(t)
        return surface.colour_at(self, ray, p, shape.normal_at(p), depth)

    def render(self, canvas):
        n = canvas.size
        forward = (self.look_at - self.eye).normalized()
        right = forward.cross(Vector(0.0, 1.0, 0.0)).normalized()
        up = right.cross(forward)
        half_width = 0.45
        for y in range(n):
            dy = (1.0 - (y + 0.5) * 2.0 / n) * half_width
            for x in range(n):
                dx = ((x + 0.5) * 2.0 / n - 1.0) * half_width
                ray = Ray(self.eye, forward + right * dx + up * dy)
                canvas.put(x, y, self.trace(ray, 0))


class Canvas(object):
    def __init__(self, size):
        self.size = size
        self.pixels = [0] * (size * size)

    @staticmethod
    def quantize(c):
        if c <= 0.0:
            return 0
        if c >= 1.0:
            return 255
        return int(c * 255.0)

    def put(self, x, y, colour):
        q = self.quantize
        self.pixels[y * self.size + x] = (q(colour.x) << 16) | (q(colour.y) << 8) | q(colour.z)

    def checksum(self):
        total = 0
        brightness = 0
        for i, pixel in enumerate(self.pixels):
            total = (total + (i + 1) * pixel) % 2305843009213693951
            brightness += (pixel >> 16) + ((pixel >> 8) & 255) + (pixel & 255)
        return total, brightness


def build_scene():
    scene = Scene()
    scene.add(Sphere(Point(1.0, 3.0, -10.0), 2.0), Surface(Vector(1.0, 1.0, 0.0)))
    for i in range(6):
        scene.add(Sphere(Point(-3.0 - i * 0.4, 2.3, -5.0), 0.4),
                  Surface(Vector(i / 6.0, 1.0 - i / 6.0, 0.5), reflect=0.1))
    scene.add(Sphere(Point(-0.5, 1.0, -3.0), 1.0),
              Surface(Vector(0.2, 0.2, 0.3), lambert=0.3, shine=0.8, reflect=0.6))
    scene.add(Sphere(Point(2.5, 0.8, -2.0), 0.8), Surface(Vector(0.8, 0.1, 0.1), reflect=0.3))
    scene.add(Plane(Point(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0)),
              CheckerboardSurface(Vector(1.0, 1.0, 1.0), Vector(0.0, 0.0, 0.0), 1.0,
                                  lambert=0.7, shine=0.2, reflect=0.3))
    scene.lights.append(Point(30.0, 30.0, 10.0))
    scene.lights.append(Point(-10.0, 100.0, 30.0))
    return scene


def run(n):
    canvas = Canvas(n)
    build_scene().render(canvas)
    total, brightness = canvas.checksum()
    return "%d:%d:%d" % (n, total, brightness)


SCALES = {"tiny": 8, "quick": 52, "full": 104}
